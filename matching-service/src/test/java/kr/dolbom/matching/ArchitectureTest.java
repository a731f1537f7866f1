package kr.dolbom.matching;

import kr.dolbom.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheShapeOfACareService() {
        ServiceArchitecture.of("kr.dolbom.matching").check();
    }
}
