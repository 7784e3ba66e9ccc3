package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ErrorStatusTest {
    private static ErrorStatus status(long win32, long count) {
        return new ErrorStatus(null, 404, 0, win32, count, null, null);
    }

    @Test
    void aTraceErrorCodePicksTheLogEntriesOfItsWin32ElseTheLargest() {
        ErrorStatus missingFile = status(2, 40);
        ErrorStatus missingPath = status(3, 900);
        List<Object> statuses = List.of(missingPath, missingFile, "not a status");
        assertThat(ErrorStatus.forErrorCode(statuses, "0x80070002")).isSameAs(missingFile);
        assertThat(ErrorStatus.forErrorCode(statuses, "0x80070003")).isSameAs(missingPath);
        assertThat(ErrorStatus.forErrorCode(statuses, "0x80070005")).as("no entry of that code: the largest").isSameAs(missingPath);
        assertThat(ErrorStatus.forErrorCode(statuses, "")).isSameAs(missingPath);
        assertThat(ErrorStatus.forErrorCode(List.of(), "0x80070002")).isNull();
    }
}
