package io.ledgernode.node.http;

import io.helidon.webserver.http.HttpService;

/**
 * A REST service whose handlers each act for the verified caller of their request through one piece of domain code
 * (the operations or queries both transports share): the service only reads the request and writes the answer.
 *
 * @param <D> the domain code the handlers delegate to
 */
public abstract class DomainService<D> implements HttpService {

    /** Verifies each request's caller (and its rate limit). */
    protected final Requests requests;
    /** Where every handler's work is done. */
    protected final D domain;

    protected DomainService(Requests requests, D domain) {
        this.requests = requests;
        this.domain = domain;
    }
}
