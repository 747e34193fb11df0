package io.ledgernode.node.transport;

import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Exception;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A bare HTTP/2 client over cleartext (prior knowledge) that writes its own frames and HPACK, so a test can send what
 * well-behaved client libraries refuse to: one header field of any size, as an HPACK literal with incremental indexing
 * (what most clients send by default, and what loops a Helidon 4.4/4.5 server) or never indexed, split over
 * CONTINUATION frames. It reports the first thing the server does about the request, or that it did nothing.
 */
final class RawH2c implements AutoCloseable {

    /** How the large header field is encoded (RFC 7541 §6.2.1 and §6.2.3). */
    enum Indexing {
        INCREMENTAL(0x40), NEVER(0x10);

        final int firstByte;

        Indexing(int firstByte) {
            this.firstByte = firstByte;
        }
    }

    /** What the server did about the request. */
    sealed interface Outcome {
        /**
         * Response headers on the stream: the HTTP status and, for a trailers-only gRPC answer, the gRPC status
         * (empty when the headers do not carry one).
         */
        record Answered(String status, String grpcStatus) implements Outcome {
        }

        /** The stream was reset with an HTTP/2 error code. */
        record Reset(int errorCode) implements Outcome {
        }

        /** The connection was ended with GOAWAY. */
        record GoAway(int errorCode) implements Outcome {
        }

        /** The server closed the socket (or answered in HTTP/1 and then closed it). */
        record Closed() implements Outcome {
        }

        /** Nothing within the wait: the server is stuck or ignoring the request. */
        record Silent() implements Outcome {
        }
    }

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7, CONTINUATION = 9;
    private static final int END_STREAM = 0x1, ACK = 0x1, END_HEADERS = 0x4;
    // The frame size every HTTP/2 peer must accept (SETTINGS_MAX_FRAME_SIZE's initial value).
    private static final int FRAME_SIZE_MAX = 16_384;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
    private int nextStream = 1;

    private RawH2c(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    static RawH2c connect(int port) throws IOException {
        RawH2c client = new RawH2c(new Socket(InetAddress.getLoopbackAddress(), port));
        client.out.write(PREFACE);
        client.frame(SETTINGS, 0, 0, new byte[0]);
        return client;
    }

    /**
     * A gRPC-shaped POST to {@code path} carrying one extra header field {@code name} with a value of {@code size}
     * bytes, then an empty message; waits up to {@code wait} for the server's first reaction.
     */
    Outcome send(String path, String name, int size, Indexing indexing, Duration wait) throws IOException {
        int stream = nextStream;
        nextStream += 2;
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(0x83); // :method POST (static table 3)
        block.write(0x86); // :scheme http (static table 6)
        literal(block, 0x00, 4, 4, path); // :path, literal without indexing, name from static table 4
        literal(block, 0x00, 4, 1, "localhost"); // :authority (static table 1)
        literal(block, 0x00, 4, 31, "application/grpc"); // content-type (static table 31)
        newName(block, 0x00, "te", "trailers");
        char[] value = new char[size];
        Arrays.fill(value, 'x');
        newName(block, indexing.firstByte, name, new String(value));
        try {
            headerBlock(stream, block.toByteArray());
            frame(DATA, END_STREAM, stream, new byte[5]); // one empty gRPC message: flag 0, length 0
            out.flush();
        } catch (IOException e) {
            // The server closed the connection before taking the whole request: read what it said before it did.
        }
        return await(stream, wait);
    }

    private void headerBlock(int stream, byte[] block) throws IOException {
        int offset = 0;
        int type = HEADERS;
        do {
            int length = Math.min(FRAME_SIZE_MAX, block.length - offset);
            boolean last = offset + length == block.length;
            frame(type, last ? END_HEADERS : 0, stream, Arrays.copyOfRange(block, offset, offset + length));
            offset += length;
            type = CONTINUATION;
        } while (offset < block.length);
    }

    private Outcome await(int stream, Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
                if (length > 1 << 24) {
                    return new Outcome.Closed();
                }
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int id = in.readInt() & 0x7fff_ffff;
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    return new Outcome.Closed();
                }
                switch (type) {
                    case SETTINGS -> {
                        if ((flags & ACK) == 0) {
                            frame(SETTINGS, ACK, 0, new byte[0]);
                        }
                    }
                    case PING -> {
                        if ((flags & ACK) == 0) {
                            frame(PING, ACK, 0, payload);
                        }
                    }
                    case GOAWAY -> {
                        return new Outcome.GoAway(payload.length >= 8 ? readInt(payload, 4) : -1);
                    }
                    case HEADERS -> {
                        if (id == stream) {
                            return answered(id, (flags & END_HEADERS) != 0 ? payload : withContinuations(payload));
                        }
                    }
                    case RST_STREAM -> {
                        if (id == stream) {
                            return new Outcome.Reset(payload.length >= 4 ? readInt(payload, 0) : -1);
                        }
                    }
                    default -> {
                        // WINDOW_UPDATE and the like: nothing to do.
                    }
                }
                out.flush();
            }
            return new Outcome.Silent();
        } catch (SocketTimeoutException e) {
            return new Outcome.Silent();
        } catch (EOFException e) {
            return new Outcome.Closed();
        } catch (IOException e) {
            // Reset by the server while we were writing or reading: it closed the connection.
            return new Outcome.Closed();
        }
    }

    /** The rest of a header block that did not fit in one frame. */
    private byte[] withContinuations(byte[] first) throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.writeBytes(first);
        int flags;
        do {
            int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
            in.readUnsignedByte();
            flags = in.readUnsignedByte();
            in.readInt();
            block.writeBytes(in.readNBytes(length));
        } while ((flags & END_HEADERS) == 0);
        return block.toByteArray();
    }

    /** Decodes the server's header block with Netty's HPACK decoder (the server's encoder may use its table). */
    private Outcome answered(int stream, byte[] block) throws IOException {
        try {
            Http2Headers headers = decoder.decodeHeaders(stream, Unpooled.wrappedBuffer(block));
            CharSequence grpcStatus = headers.get("grpc-status");
            return new Outcome.Answered(String.valueOf(headers.status()), grpcStatus == null ? "" : grpcStatus.toString());
        } catch (Http2Exception e) {
            throw new IOException("the server's header block does not decode", e);
        }
    }

    private void frame(int type, int flags, int stream, byte[] payload) throws IOException {
        out.write(new byte[] {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length, (byte) type,
                (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream});
        out.write(payload);
    }

    /** A literal field whose name is a static table index, with the given first-byte pattern and prefix bits. */
    private static void literal(ByteArrayOutputStream block, int pattern, int prefixBits, int nameIndex, String value) {
        integer(block, pattern, prefixBits, nameIndex);
        string(block, value);
    }

    /** A literal field with a new name (index 0). */
    private static void newName(ByteArrayOutputStream block, int pattern, String name, String value) {
        block.write(pattern);
        string(block, name);
        string(block, value);
    }

    /** A string literal without Huffman coding: length as a 7-bit-prefix integer, then the bytes. */
    private static void string(ByteArrayOutputStream block, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        integer(block, 0x00, 7, bytes.length);
        block.writeBytes(bytes);
    }

    /** RFC 7541 §5.1 integer with an N-bit prefix. */
    private static void integer(ByteArrayOutputStream block, int pattern, int prefixBits, int value) {
        int max = (1 << prefixBits) - 1;
        if (value < max) {
            block.write(pattern | value);
            return;
        }
        block.write(pattern | max);
        int rest = value - max;
        while (rest >= 0x80) {
            block.write((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        block.write(rest);
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8 | (bytes[offset + 3] & 0xff);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
