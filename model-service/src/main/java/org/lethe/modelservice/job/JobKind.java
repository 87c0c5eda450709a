package org.lethe.modelservice.job;

public enum JobKind {
    TRAINING,
    UNLEARNING
}
