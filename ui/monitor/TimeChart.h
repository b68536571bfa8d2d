// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/monitor/Series.h"
#include "ui/monitor/ChartPanel.h"

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QTimer>

#include <optional>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace ui {

// One line of a time chart: a series, drawn divided by scale (bytes in GiB: 2^30). A dashed line is
// a limit (the memory asked for).
struct ChartLine
{
    QString name;
    app::Series series;
    double scale = 1;
    bool dashed = false;
};

// Lines over time (cores busy, memory, GPU utilisation, allocated CPUs): hovering shows every
// line's value at that time; dragging across the chart zooms into that time range (Reset zoom goes
// back to following the data). However many samples a line has, the chart draws what
// Series::forWidth keeps (each pixel column's lowest and highest), so peaks stay visible and a
// redraw costs the same for a day of samples as for an hour.
class TimeChart : public ChartPanel
{
    Q_OBJECT

public:
    explicit TimeChart(const QString &title, const QString &unit, QWidget *parent = nullptr);

    // Replaces the lines. The time axis covers them all, or the zoomed range while zoomed.
    void setLines(const QList<ChartLine> &lines);
    const QList<ChartLine> &lines() const { return m_lines; }
    // The value axis goes at least up to this (e.g. the cores allocated, 100 %).
    void setMinimumTop(double top);
    // How values are written in tooltips and the CSV ("%1 %" or "%1 GiB"), and their precision.
    void setValueFormat(const QString &format, int decimals);
    // Shows a time range (zoom); an invalid pair follows the data again.
    void zoomTo(qint64 fromMs, qint64 toMs);
    bool isZoomed() const { return m_zoomed; }
    std::pair<qint64, qint64> shownRange() const { return {m_fromMs, m_toMs}; }

    // What a pointer over time t shows: "12:04:31 · GPU 0: 48 %, GPU 1: 3 %".
    QString valuesAt(qint64 ms) const;
    // The points given to the chart (after the per-pixel reduction); for tests and the benchmark.
    int drawnPointCount() const;

    ChartTable table() const override;

protected:
    void applyPalette() override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void redraw();
    void fitRange();
    void rangeChangedByView(const QDateTime &from, const QDateTime &to);

    QString m_unit;
    QString m_valueFormat = QStringLiteral("%1");
    int m_decimals = 1;
    double m_minimumTop = 1;
    QList<ChartLine> m_lines;
    QList<QLineSeries *> m_series;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QWidget *m_resetZoom;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    bool m_zoomed = false;
    bool m_settingRange = false;
    int m_drawnWidth = 0; // the plot area's width the lines were last reduced for
    QTimer m_widthChanged;
};

} // namespace ui
