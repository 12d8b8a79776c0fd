package org.paperwire.web;

/** The JSON body of every API error: HTTP status, a short title, and what to do about it. */
public record ApiError(int status, String title, String detail) {}
