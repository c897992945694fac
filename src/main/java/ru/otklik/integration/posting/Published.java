package ru.otklik.integration.posting;

import java.time.Instant;

/** Where and when the answer appeared (MSG-16). */
public record Published(String url, Instant at) {
}
