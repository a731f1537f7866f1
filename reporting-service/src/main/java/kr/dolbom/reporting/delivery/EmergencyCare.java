package kr.dolbom.reporting.delivery;

/**
 * 긴급돌봄 of a month: the residents served on urgent lines (its users) and their service-days.
 *
 * @param serviceDays days a resident was given a service on an urgent line, each resident's day once
 */
public record EmergencyCare(long users, long serviceDays) {}
