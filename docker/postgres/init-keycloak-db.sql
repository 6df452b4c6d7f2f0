-- Keycloak keeps its data in its own database on the same PostgreSQL server (docker-compose.yml).
CREATE DATABASE keycloak;
