#!/bin/sh
# Writes app-cds.jsa (AppCDS) in the current directory, the packaged app's (target/quarkus-app, or /deployments in the
# image), with the JVM that will run the app: an archive only fits the JVM that wrote it.
# The app is started once and loads every class of its start-up; there is no database at build time, so it stops
# (with an error) when it first needs one, after Hibernate and before the riding data, and the JVM writes the loaded
# classes at exit either way. The settings below exist only for this run: nothing is connected to or kept.
APP_SECRET=appcds-archive-build-only-not-a-secret-0000 DB_URL=jdbc:postgresql://127.0.0.1:1/none DB_USER=none \
DB_PASSWORD=none MP_EMAIL_FROM=none@example.invalid MAIL_FROM=none@example.invalid \
  java -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -Dquarkus.flyway.migrate-at-start=false \
    -Dquarkus.hibernate-orm.schema-management.strategy=none -jar quarkus-run.jar > appcds.log 2>&1
test -s app-cds.jsa || { cat appcds.log; exit 1; }
rm -f appcds.log
