package io.ledgernode.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OrgPeersTest {

    private static final NetworkProfile.Endpoint PEER0 = new NetworkProfile.Endpoint("127.0.0.1:7051", "peer0.org1.ledger.local", Path.of("/x"));
    private static final NetworkProfile.Endpoint PEER1 = new NetworkProfile.Endpoint("127.0.0.1:7151", "peer1.org1.ledger.local", Path.of("/x"));

    @Test
    void every_peer_of_the_org_is_an_address_in_the_profiles_order_each_checked_against_its_own_certificate_name() {
        List<EquivalentAddressGroup> groups = new OrgPeers(List.of(PEER0, PEER1)).groups();

        assertThat(groups).extracting(g -> ((InetSocketAddress) g.getAddresses().get(0)).getPort()).containsExactly(7051, 7151);
        assertThat(groups).extracting(g -> g.getAttributes().get(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE))
                .containsExactly("peer0.org1.ledger.local", "peer1.org1.ledger.local");
    }

    @Test
    void the_resolver_answers_only_its_own_scheme_and_hands_the_channel_every_peer() {
        OrgPeers peers = new OrgPeers(List.of(PEER0, PEER1));
        NameResolver.Args args = NameResolver.Args.newBuilder().setDefaultPort(443)
                .setProxyDetector(address -> null).setSynchronizationContext(new io.grpc.SynchronizationContext((t, e) -> { }))
                .setServiceConfigParser(new NameResolver.ServiceConfigParser() {
                    @Override
                    public NameResolver.ConfigOrError parseServiceConfig(java.util.Map<String, ?> config) {
                        return NameResolver.ConfigOrError.fromConfig(config);
                    }
                }).build();
        AtomicReference<NameResolver.ResolutionResult> result = new AtomicReference<>();

        assertThat(peers.newNameResolver(URI.create("dns:///peer0:7051"), args)).isNull();
        NameResolver resolver = peers.newNameResolver(URI.create(OrgPeers.target("Org1MSP")), args);
        resolver.start(new NameResolver.Listener2() {
            @Override
            public void onResult(NameResolver.ResolutionResult resolution) {
                result.set(resolution);
            }

            @Override
            public void onError(Status error) {
                throw new AssertionError(error.toString());
            }
        });

        assertThat(resolver.getServiceAuthority()).isEqualTo("peer0.org1.ledger.local");
        assertThat(result.get().getAddressesOrError().getValue()).hasSize(2);
    }
}
