package io.skitai.was.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skitai.was.RpcFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XML-RPC codec: round trips, strictness and refusal of DTDs and entities. */
class XmlRpcCodecTest {

    @TempDir
    Path dir;

    private static byte[] xml(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsEveryType() throws Exception {
        Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("i", 1);
        v.put("l", 1L << 40);
        v.put("s", "a<b>&c");
        v.put("list", List.of(true, 2.5));
        v.put("nil", null);
        XmlRpcReader.MethodCall call = XmlRpcReader.call(XmlRpcWriter.call("m.x", v, "two"));
        assertThat(call.method()).isEqualTo("m.x");
        assertThat(call.params()).containsExactly(v, "two");
        assertThat(XmlRpcReader.response(XmlRpcWriter.response(v))).isEqualTo(v);
        assertThatThrownBy(() -> XmlRpcReader.response(XmlRpcWriter.fault(4, "bad")))
                .isInstanceOfSatisfying(RpcFault.class, f -> assertThat(f.faultCode()).isEqualTo(4));
    }

    @Test
    void untypedValuesAreStrings() throws Exception {
        assertThat(XmlRpcReader.response(xml("<methodResponse><params><param><value>plain</value></param></params>"
                + "</methodResponse>"))).isEqualTo("plain");
    }

    @Test
    void refusesDtdsSoNoEntityCanReadAFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<methodResponse><params><param><value><string>&x;</string></value></param></params></methodResponse>";
        assertThatThrownBy(() -> XmlRpcReader.response(xml(xxe))).isInstanceOf(IOException.class)
                .hasMessageNotContaining("top secret");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<methodResponse><params><param><value>&b;</value></param></params></methodResponse>";
        assertThatThrownBy(() -> XmlRpcReader.response(xml(bomb))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SafeXml.parse(xml(xxe))).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsMalformedValuesAndUnknownTypes() {
        assertThatThrownBy(() -> XmlRpcReader.response(xml("<methodResponse><params><param><value><int>x</int>"
                + "</value></param></params></methodResponse>"))).isInstanceOf(IOException.class).hasMessageContaining("<int>");
        assertThatThrownBy(() -> XmlRpcReader.response(xml("<methodResponse><params><param><value><blob/>"
                + "</value></param></params></methodResponse>"))).isInstanceOf(IOException.class).hasMessageContaining("blob");
        assertThatThrownBy(() -> XmlRpcWriter.call("m", new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> XmlRpcWriter.call("m", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
