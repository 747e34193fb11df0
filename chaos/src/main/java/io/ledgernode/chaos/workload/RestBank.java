package io.ledgernode.chaos.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgernode.chaos.history.Answer;
import io.ledgernode.chaos.history.Op;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/** node-service's REST API, as a wallet app's HTTP/1.1 client calls it. */
public final class RestBank implements BankApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Leg(String from, String to, String asset, String amount) {
    }

    record Legs(List<Leg> legs) {
    }

    record Hold(String holdId, String account, String amount, String expiresAt, String payee) {
    }

    record Capture(String to, String amount) {
    }

    private final URI base;
    private final String token;
    private final String asset;
    private final Duration timeout;
    private final HttpClient http;

    public RestBank(URI base, String token, String asset, Duration timeout) {
        this.base = base;
        this.token = token;
        this.asset = asset;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3))
                .build();
    }

    @Override
    public String transport() {
        return "rest";
    }

    @Override
    public Answer send(Op op, String key) {
        return switch (op) {
            case Op.Transfer t -> post("/v1/transfers", leg(t), key);
            case Op.Batch b -> post("/v1/transfers/batch", new Legs(b.legs().stream().map(this::leg).toList()), key);
            case Op.PlaceHold h -> post("/v1/holds", new Hold(h.holdId(), h.account(), Long.toString(h.amount()),
                    Workload.HOLD_EXPIRY.toString(), h.payee()), key);
            case Op.CaptureHold c -> post("/v1/holds/" + c.holdId() + "/capture",
                    new Capture(c.to(), Long.toString(c.amount())), key);
        };
    }

    private Leg leg(Op.Transfer t) {
        return new Leg(t.from(), t.to(), asset, Long.toString(t.amount()));
    }

    /** POSTs {@code body} as JSON; any setup call (asset, accounts, mint) goes through here too. */
    Answer post(String path, Object body, String key) {
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Answer.Timeout(e.getClass().getSimpleName());
        } catch (ConnectException e) {
            return new Answer.ConnectionError("connect: " + e.getMessage());
        } catch (IOException e) {
            return new Answer.ConnectionError(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.ConnectionError("interrupted");
        }
        return answer(response.statusCode(), response.body());
    }

    static Answer answer(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (status == 200 && json != null && json.hasNonNull("txId")) {
            return new Answer.Ok(json.get("txId").asText(), json.path("blockNumber").asLong(-1));
        }
        if (status == 202 && json != null) {
            return new Answer.Pending(json.path("txId").asText(null));
        }
        String code = json != null && json.hasNonNull("code") ? json.get("code").asText() : "HTTP_" + status;
        return Answers.ofError(status, code);
    }

    @Override
    public void close() {
        http.close();
    }
}
