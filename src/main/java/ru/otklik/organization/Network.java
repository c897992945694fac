package ru.otklik.organization;

/** Social networks and blog platforms named by the acts (MSG-4, ACC-1). */
public enum Network {
    VK, OK, TELEGRAM, TWITTER, INSTAGRAM, FACEBOOK, BLOG, OTHER
}
