package org.ringback.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Task;

/**
 * Times the FHIR validator: building it (loading the R4 definitions, once per process) and then validating an
 * exported Task with two attempts. Not a test; run by hand (see BENCHMARKS.md). Argument: timed validations.
 */
public final class ValidatorBenchmark {

    /** A Task as GET /fhir/Task/{id} answers it: in progress, two phone attempts, contained Communications. */
    private static final String TASK = """
            {"resourceType":"Task","id":"502986bc-ee29-460d-9cb4-a0f977f6505b","meta":{"versionId":"2"},"contained":[{"resourceType":"Communication","id":"attempt-1","status":"not-done","statusReason":{"coding":[{"system":"https://ringback.org/fhir/CodeSystem/attempt-result","code":"NO_ANSWER","display":"No answer"}],"text":"No answer"},"medium":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationMode","code":"PHONE","display":"telephone"}],"text":"Phone"}],"subject":{"reference":"Patient/b810c9a7-835c-4298-b322-c3889fc3714b"},"sent":"2026-11-23T14:30:00+00:00","recipient":[{"reference":"Patient/b810c9a7-835c-4298-b322-c3889fc3714b"}],"sender":{"type":"Practitioner","identifier":{"system":"https://ringback.org/fhir/user","value":"user-d77aab4f"},"display":"user-d77aab4f"},"note":[{"text":"Next: try the midday window"}]},{"resourceType":"Communication","id":"attempt-2","status":"completed","medium":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ParticipationMode","code":"PHONE","display":"telephone"}],"text":"Phone"}],"subject":{"reference":"Patient/b810c9a7-835c-4298-b322-c3889fc3714b"},"sent":"2026-11-23T17:00:00+00:00","recipient":[{"reference":"Patient/b810c9a7-835c-4298-b322-c3889fc3714b"}],"sender":{"type":"Practitioner","identifier":{"system":"https://ringback.org/fhir/user","value":"user-d77aab4f"},"display":"user-d77aab4f"},"payload":[{"contentString":"Left voicemail"}],"note":[{"text":"Next: try the afternoon window"}]}],"identifier":[{"system":"https://ringback.org/fhir/callback","value":"502986bc-ee29-460d-9cb4-a0f977f6505b"}],"status":"in-progress","businessStatus":{"coding":[{"system":"https://ringback.org/fhir/CodeSystem/ladder-step","code":"next-attempt-due"}],"text":"Attempt 3 of 3 due at 2026-11-23T19:00:00Z"},"intent":"order","priority":"routine","code":{"coding":[{"system":"https://ringback.org/fhir/CodeSystem/category","code":"APPOINTMENT_REQUEST","display":"Appointment request"}],"text":"Appointment request"},"description":"Needs a follow-up visit next week","for":{"reference":"Patient/b810c9a7-835c-4298-b322-c3889fc3714b"},"executionPeriod":{"start":"2026-11-23T14:30:00+00:00"},"authoredOn":"2026-11-23T14:00:00+00:00","owner":{"type":"CareTeam","identifier":{"system":"https://ringback.org/fhir/queue","value":"SCHEDULING"},"display":"SCHEDULING queue"},"restriction":{"repetitions":3,"period":{"start":"2026-11-23T14:00:00+00:00","end":"2026-11-23T22:00:00+00:00"}},"input":[{"type":{"coding":[{"system":"https://ringback.org/fhir/CodeSystem/task-parameter","code":"callback-number","display":"The number to call back"}],"text":"The number to call back"},"valueContactPoint":{"system":"phone","value":"+16175550160"}}],"output":[{"type":{"coding":[{"system":"https://ringback.org/fhir/CodeSystem/task-parameter","code":"attempt","display":"An attempt to reach the patient"}],"text":"An attempt to reach the patient"},"valueReference":{"reference":"#attempt-1"}},{"type":{"coding":[{"system":"https://ringback.org/fhir/CodeSystem/task-parameter","code":"attempt","display":"An attempt to reach the patient"}],"text":"An attempt to reach the patient"},"valueReference":{"reference":"#attempt-2"}}]}""";

    private ValidatorBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long started = System.nanoTime();
        FhirContext context = FhirContext.forR4();
        var validation = new FhirValidation(context, new FhirProperties(false));
        Task task = context.newJsonParser().parseResource(Task.class, TASK);
        System.out.printf("context + parse: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        long built = System.nanoTime();
        var errors = validation.errors(task);
        System.out.printf("first validation (builds the validator): %d ms, %d errors%n", (System.nanoTime() - built) / 1_000_000, errors.size());
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            validation.errors(task);
            times.add((System.nanoTime() - t) / 1_000);
        }
        Collections.sort(times);
        System.out.printf("then %d validations: min %.1f ms, median %.1f ms, max %.1f ms%n", runs, times.get(0) / 1000.0,
                times.get(runs / 2) / 1000.0, times.get(runs - 1) / 1000.0);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("heap in use after GC: %d MB%n", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }
}
