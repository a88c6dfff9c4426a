package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.samples.host.HttpBodies.Format;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpBodiesTest {

    @Test
    void format_jsonAndFormWithParametersAndAnyCase_areAccepted() {
        assertThat(HttpBodies.format("application/json", 2)).contains(Format.JSON);
        assertThat(HttpBodies.format("Application/JSON; charset=utf-8", 2)).contains(Format.JSON);
        assertThat(HttpBodies.format("application/x-www-form-urlencoded;charset=UTF-8", 2)).contains(Format.FORM);
    }

    @Test
    void format_otherTypesOrAMissingTypeWithABody_areRefused() {
        assertThat(HttpBodies.format("text/plain", 2)).isEmpty();
        assertThat(HttpBodies.format("multipart/form-data; boundary=x", 2)).isEmpty();
        assertThat(HttpBodies.format("application/jsonp", 2)).isEmpty();
        assertThat(HttpBodies.format(null, 2)).isEmpty();
    }

    @Test
    void format_noTypeAndNoBody_isEmpty() {
        assertThat(HttpBodies.format(null, 0)).contains(Format.EMPTY);
        assertThat(HttpBodies.format(" ", 0)).contains(Format.EMPTY);
    }

    @Test
    void decodePairs_decodesPlusAndEscapes_lastValueWins_skipsEmptyNames() {
        assertThat(HttpBodies.decodePairs("a=1&b=x+y%21&a=2&=z&flag"))
                .containsExactly(Map.entry("a", "2"), Map.entry("b", "x y!"), Map.entry("flag", ""));
    }

    @Test
    void decodePairs_malformedEscape_throws() {
        assertThatThrownBy(() -> HttpBodies.decodePairs("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flowQuery_decodesTheWrappedQuery_andIgnoresAMalformedOne() {
        URI uri = URI.create("/api/v3/flows/executor/x/?query=next%3D%252Fapp%252F%253Fa%253D1%26itoken%3Dabc&other=1");
        assertThat(HttpBodies.flowQuery(uri)).containsExactly(Map.entry("next", "/app/?a=1"), Map.entry("itoken", "abc"));
        assertThat(HttpBodies.flowQuery(URI.create("/x/"))).isEmpty();
        assertThat(HttpBodies.flowQuery(URI.create("/x/?query=%25zz"))).isEmpty();
    }
}
