package kr.dolbom.local;

/** Something the person starting the stack can fix, said in one line: no stack trace. */
final class StackFailure extends RuntimeException {

    StackFailure(String message) {
        super(message, null, false, false);
    }
}
