-- A signature's riding must be one of the ridings (V11 loaded all 343 before any signature could exist).
ALTER TABLE signature
    ADD CONSTRAINT signature_fed_code_fkey FOREIGN KEY (fed_code) REFERENCES riding (fed_code);
