/**
 * Network values with no feature of their own, so that the packages reading them ({@code config} for
 * {@code web.trusted-proxies}, {@code web} for the client address) both depend downward on one type.
 */
package org.paperwire.net;
