/**
 * The hub's web pages in Dutch: the dashboard for programme staff ({@code /dashboard/{programme}}) and the public
 * page ({@code /publiek/{programme}}). They read figures only through {@link nl.wijkhub.dashboard.FigureSource} and
 * build the same rows as the yearly report, so page and export never disagree; charts are drawn by our static
 * script from data attributes, with the ECharts webjar the hub serves itself.
 */
package nl.wijkhub.pages;
