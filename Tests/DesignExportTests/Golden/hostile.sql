-- PostgreSQL DDL for Hostile <b>design</b> | # not a heading, written by sysdraft.
-- Tables for entities of kind table held by database components whose technology names no
-- non-relational engine; other entities are described in comments at the end.

-- The design has no entities yet.
