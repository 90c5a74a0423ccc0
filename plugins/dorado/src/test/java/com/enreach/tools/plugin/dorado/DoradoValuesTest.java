package com.enreach.tools.plugin.dorado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DoradoValuesTest {

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void sectorCountsBecomeBytesWithoutOverflow() throws Exception {
        List<String> problems = new ArrayList<>();
        JsonNode o = json("{\"A\":\"4194304\",\"B\":\"18014398509481983\",\"C\":\"18014398509481984\",\"D\":\"12x\",\"E\":\"\",\"F\":4096}");

        assertEquals(2L << 30, DoradoValues.bytes(o, "A", 512, problems::add), "4 Mi sectors = 2 GiB, beyond int");
        assertEquals(Long.MAX_VALUE - 511, DoradoValues.bytes(o, "B", 512, problems::add), "largest count that fits");
        assertTrue(problems.isEmpty());
        assertNull(DoradoValues.bytes(o, "C", 512, problems::add), "one more sector would overflow a long");
        assertNull(DoradoValues.bytes(o, "D", 512, problems::add));
        assertNull(DoradoValues.bytes(o, "E", 512, problems::add));
        assertNull(DoradoValues.bytes(o, "missing", 512, problems::add));
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(4096L * 4096, DoradoValues.bytes(o, "F", 4096, problems::add), "numbers sent as JSON numbers work too");
    }

    @Test
    void fillLevelsAreVolatileAndEverythingElseCountsForChangeDetection() throws Exception {
        JsonNode system = json("{\"ID\":\"SN1\",\"NAME\":\"dorado\",\"TOTALCAPACITY\":\"100\",\"USEDCAPACITY\":\"40\","
                + "\"STORAGEPOOLCAPACITY\":\"90\",\"STORAGEPOOLFREECAPACITY\":\"50\"}");
        DoradoMapper mapper = DoradoMapper.forSystem(system, null, (id, m) -> { });
        com.enreach.tools.api.spi.DeviceRecord s = mapper.system(system, null);
        assertEquals(java.util.Set.of("used_bytes", "pool_free_bytes"), s.volatileKeys());
        assertEquals(40L * 512, s.metadata().get("used_bytes"), "stored all the same");
        com.enreach.tools.api.spi.DeviceRecord pool = mapper.pool(json("{\"ID\":\"0\",\"NAME\":\"p\",\"USERTOTALCAPACITY\":\"10\","
                + "\"USERFREECAPACITY\":\"4\",\"USERCONSUMEDCAPACITY\":\"6\",\"USERCONSUMEDCAPACITYPERCENTAGE\":\"60\"}"));
        assertEquals(java.util.Set.of("free_bytes", "used_bytes", "used_percent"), pool.volatileKeys());
        com.enreach.tools.api.spi.DeviceRecord controller = mapper.controller(json("{\"ID\":\"0A\",\"HEALTHSTATUS\":\"1\"}"));
        assertTrue(controller.volatileKeys().isEmpty());
    }

    @Test
    void valuesFollowTheSharedSemanticsWithTheArraysPlaceholder() throws Exception {
        JsonNode o = json("{\"A\":\"--\",\"B\":\" 12 \",\"C\":\"1.9\",\"D\":\"TRUE\",\"E\":true}");
        assertNull(DoradoValues.text(o, "A"));
        assertNull(DoradoValues.number(o, "A"));
        assertEquals(12L, DoradoValues.number(o, "B"));
        assertNull(DoradoValues.number(o, "C"), "no fraction is cut");
        assertEquals(Boolean.TRUE, DoradoValues.bool(o, "D"));
        assertEquals(Boolean.TRUE, DoradoValues.bool(o, "E"), "a JSON boolean too");
    }

    @Test
    void statusCodesBecomeWordsAndUnknownCodesAreKept() throws Exception {
        assertEquals("normal", DoradoValues.health(json("{\"HEALTHSTATUS\":\"1\"}")));
        assertEquals("online", DoradoValues.running(json("{\"RUNNINGSTATUS\":\"27\"}")));
        assertEquals("offline", DoradoValues.running(json("{\"RUNNINGSTATUS\":\"28\"}")));
        assertEquals("code 4711", DoradoValues.health(json("{\"HEALTHSTATUS\":\"4711\"}")));
        assertNull(DoradoValues.running(json("{}")));
    }

    @Test
    void systemSectorSizeIsTheUnitAndDefaultsTo512() throws Exception {
        assertEquals(512, DoradoValues.sectorSize(json("{}"), DoradoValues.DEFAULT_SECTOR_SIZE));
        assertEquals(4096, DoradoValues.sectorSize(json("{\"SECTORSIZE\":\"4096\"}"), 512));
        assertEquals(512, DoradoValues.sectorSize(json("{\"SECTORSIZE\":\"0\"}"), 512));
    }

    @Test
    void controllerSerialComesFromItsElectronicLabel() {
        String elabel = "[Board Properties]\r\nBoardType=STLZ2CTRL\r\nBarCode=2102313TKQ10N7000123\r\nItem=02313TKQ\r\n";
        assertEquals("2102313TKQ10N7000123", DoradoMapper.elabel(elabel, "BarCode"));
        assertEquals("STLZ2CTRL", DoradoMapper.elabel(elabel, "BoardType"));
        assertNull(DoradoMapper.elabel("BarCode=\n", "BarCode"));
        assertNull(DoradoMapper.elabel(null, "BarCode"));
    }

    @Test
    void onlyDnsNamesInTheUrlBecomeTheHostName() {
        assertEquals("dorado01.example.com", DoradoConnector.dnsName(URI.create("https://dorado01.example.com:8088")));
        assertNull(DoradoConnector.dnsName(URI.create("https://10.1.2.3:8088")));
        assertNull(DoradoConnector.dnsName(URI.create("https://[fd00::10]:8088")));
    }
}
