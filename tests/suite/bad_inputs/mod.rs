//! The bad-input catalogue: one row per hostile or careless input (issue 14).
//!
//! Every row starts from the same small site whose `public/` an earlier build
//! wrote, applies its input (files, special files, a command line), runs the
//! real binary and asserts: the exit code, the file and line the message
//! names, what it says, and what became of the output: either "untouched"
//! (the previous output folder byte for byte) or, for inputs that must build,
//! pages free of injected script. In every row the site's sources survive.
//!
//! The rows live in `cases.rs`; rows whose fix has not landed yet are listed
//! there as pending, in a comment.

mod cases;
mod html;
mod runner;

#[test]
fn bad_input_catalogue() {
    runner::run_all(&cases::cases());
}

/// Rows whose fix has not landed; prints which of them hold already.
#[test]
#[ignore]
fn pending_rows() {
    for f in runner::run(&cases::pending()) {
        println!("{f}\n");
    }
}
