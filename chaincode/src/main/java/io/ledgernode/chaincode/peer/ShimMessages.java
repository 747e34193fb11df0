package io.ledgernode.chaincode.peer;

import com.google.protobuf.ByteString;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Sends a message of a transaction's own on the stream its stub talks to the peer on, and answers the peer's response
 * payload, exactly as the stub's {@code getState} does for its message. Fabric 3.1 peers take a transaction's writes in
 * one message and several reads in one; fabric-chaincode-java (2.5.10, its newest release) has no call for either
 * (fabric-chaincode-java#378), so this reaches the two members of its stub that every state call goes through: the
 * stub's {@code handler} field (the transaction's task) and the task's {@code invoke} method. Both are looked up once;
 * if a shim release changes them, {@link #sender} is empty, the reason is logged, and reads and writes go one key at a
 * time as before ({@code ShimMessagesTest} fails on the upgrade, so it is not silent).
 */
public final class ShimMessages {
    private static final Logger LOG = Logger.getLogger(ShimMessages.class.getName());
    private static final String STUB_CLASS = "org.hyperledger.fabric.shim.impl.InvocationStubImpl";
    private static final String TASK_CLASS = "org.hyperledger.fabric.shim.impl.ChaincodeInvocationTask";

    private static final Class<?> STUB;
    private static final Field HANDLER;
    private static final Method INVOKE;
    private static final String UNAVAILABLE;

    static {
        Class<?> stub = null;
        Field handler = null;
        Method invoke = null;
        String unavailable = null;
        try {
            stub = Class.forName(STUB_CLASS);
            handler = stub.getDeclaredField("handler");
            final Class<?> task = Class.forName(TASK_CLASS);
            if (!task.isAssignableFrom(handler.getType())) {
                throw new NoSuchFieldException("the stub's handler is a " + handler.getType().getName());
            }
            invoke = task.getDeclaredMethod("invoke", ChaincodeMessage.class);
            if (invoke.getReturnType() != ByteString.class) {
                throw new NoSuchMethodException("the task's invoke answers " + invoke.getReturnType().getName());
            }
            handler.setAccessible(true);
            invoke.setAccessible(true);
        } catch (final ReflectiveOperationException | RuntimeException e) {
            unavailable = "this fabric-chaincode-shim has no " + STUB_CLASS + ".handler or " + TASK_CLASS
                    + ".invoke(ChaincodeMessage) (" + e + ")";
            LOG.warning(unavailable + "; state reads and writes go one key at a time");
        }
        STUB = stub;
        HANDLER = handler;
        INVOKE = invoke;
        UNAVAILABLE = unavailable;
    }

    private ShimMessages() {}

    /** Why messages of our own cannot be sent with this shim, or empty when they can. */
    public static Optional<String> unavailable() {
        return Optional.ofNullable(UNAVAILABLE);
    }

    /**
     * Sends messages on the stream of {@code stub}'s transaction: the function answers the peer's {@code RESPONSE}
     * payload and throws as the stub's own calls do when the peer answers {@code ERROR}. Empty for a stub that is not
     * the shim's (a test's) or when this shim cannot be reached.
     */
    public static Optional<Function<ChaincodeMessage, ByteString>> sender(final ChaincodeStub stub) {
        if (UNAVAILABLE != null || stub.getClass() != STUB) {
            return Optional.empty();
        }
        final Object task;
        try {
            task = HANDLER.get(stub);
        } catch (final IllegalAccessException e) {
            return Optional.empty();
        }
        return Optional.of(message -> send(task, message));
    }

    private static ByteString send(final Object task, final ChaincodeMessage message) {
        try {
            return (ByteString) INVOKE.invoke(task, message);
        } catch (final InvocationTargetException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("sending " + message.getType() + " failed", cause);
        } catch (final IllegalAccessException e) {
            throw new IllegalStateException("the shim's invoke became inaccessible", e);
        }
    }
}
