package org.paperwire.recommend;

/** A library paper a recommendation is close to ("because you saved …"), with the cosine of their embeddings. */
public record Because(String id, double similarity) {}
