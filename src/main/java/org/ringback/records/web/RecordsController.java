package org.ringback.records.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ringback.records.PatientExport;
import org.ringback.records.Retention;
import org.ringback.records.RetentionPeriod;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A practice's retention period (members read it, managers change it) and a patient's export (managers). */
@RestController
class RecordsController {

    record RetentionRequest(@NotBlank @Size(max = 20) String afterClosure) {
    }

    record RetentionView(String afterClosure, boolean isDefault) {
        static RetentionView of(Retention.Setting setting) {
            return new RetentionView(setting.afterClosure().toString(), setting.isDefault());
        }
    }

    private final Retention retention;
    private final PatientExport export;

    RecordsController(Retention retention, PatientExport export) {
        this.retention = retention;
        this.export = export;
    }

    @GetMapping("/api/v1/practices/{practiceId}/retention")
    RetentionView retention(@PathVariable UUID practiceId) {
        return RetentionView.of(retention.setting(practiceId));
    }

    @PutMapping("/api/v1/practices/{practiceId}/retention")
    RetentionView changeRetention(@PathVariable UUID practiceId, @Valid @RequestBody RetentionRequest request) {
        return RetentionView.of(retention.change(practiceId, RetentionPeriod.parse(request.afterClosure())));
    }

    @GetMapping("/api/v1/practices/{practiceId}/patients/{patientId}/export")
    ResponseEntity<String> export(@PathVariable UUID practiceId, @PathVariable UUID patientId) {
        String json = export.export(practiceId, patientId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("patient-" + patientId + ".json").build().toString())
                .body(json);
    }
}
