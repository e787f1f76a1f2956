package io.ocmee.invite;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmee.address.ProviderHost;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OCM-NOTES §11 Q21: ids qualified with the sending server itself. */
class UserIdsTest {

    @ParameterizedTest(name = "{0} from {1} → {2}")
    @CsvSource({
        "u-83f1, cloud.example.org, u-83f1",
        "u-83f1@cloud.example.org, cloud.example.org, u-83f1",
        "u-83f1@Cloud.Example.org, cloud.example.org, u-83f1",
        "u-83f1@https://cloud.example.org, cloud.example.org, u-83f1",
        "u-83f1@https://cloud.example.org/, cloud.example.org, u-83f1",
        "u-83f1@cloud.example.org@cloud.example.org, cloud.example.org, u-83f1",
        "u-83f1@localhost:8081, localhost:8081, u-83f1",
        "u-83f1@localhost:8082, localhost:8081, u-83f1@localhost:8082",
        "mahdi@it-department, cloud.example.org, mahdi@it-department",
        "bob@other.example.org, cloud.example.org, bob@other.example.org",
        "bob@other.example.org@cloud.example.org, cloud.example.org, bob@other.example.org",
        "@cloud.example.org, cloud.example.org, @cloud.example.org",
        "a@b c, cloud.example.org, a@b c"
    })
    void stripsOnlySuffixesNamingTheSendingServer(String userId, String server, String bare) {
        assertThat(UserIds.normalise(userId, ProviderHost.parse(server))).isEqualTo(bare);
    }
}
