-- The FHIR Task search (GET /fhir/Task?patient=) arrives with a patient id but without its practice.
create index callback_by_patient_id on callback (patient_id) where patient_id is not null;
