package com.enreach.tools.plugin.demo;

/** What makes an estate: the same size and seed give the same machines; churn moves a share of them per run. */
record DemoSettings(int size, long seed, int churnPercent) {
}
