package org.yunjian.catalog;

/**
 * One result of {@link Catalog#search(String, RequirementFilter)}.
 *
 * @param score relevance, higher is better; comparable within one search only
 */
public record SearchHit(Requirement requirement, double score) {}
