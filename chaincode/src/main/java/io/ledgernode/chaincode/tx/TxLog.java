package io.ledgernode.chaincode.tx;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The chaincode's one log line per transaction: function, transaction id and outcome code, never the request, the
 * result or a rejection's text (they carry account ids, owner references and amounts). A fault also gets its stack
 * trace, stripped of its message for the same reason.
 */
public final class TxLog {
    /** How a transaction function is named ({@code Money:transfer}); anything else a caller sent is not echoed. */
    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,31}(:[A-Za-z][A-Za-z0-9]{0,63})?");
    private static final Logger LOG = Logger.getLogger(TxLog.class.getName());

    private TxLog() {}

    /** One line: {@code fn=Money:transfer tx=4f38… outcome=OK} (or the error code). */
    static void outcome(final ChaincodeStub stub, final String outcome) {
        LOG.info(() -> line(stub, outcome));
    }

    /** A fault (a broken invariant, a bug): the line, with the failure's type and frames only. */
    static void fault(final ChaincodeStub stub, final RuntimeException failure) {
        final Throwable frames = new Throwable(failure.getClass().getName());
        frames.setStackTrace(failure.getStackTrace());
        final LogRecord record = new LogRecord(Level.SEVERE, line(stub, "INTERNAL"));
        record.setLoggerName(LOG.getName());
        record.setThrown(frames);
        LOG.log(record);
    }

    private static String line(final ChaincodeStub stub, final String outcome) {
        final String function = stub.getFunction();
        return "fn=" + (function != null && FUNCTION.matcher(function).matches() ? function : "(unknown)")
                + " tx=" + stub.getTxId() + " outcome=" + outcome;
    }
}
