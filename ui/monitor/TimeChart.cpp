// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/monitor/TimeChart.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QScopedValueRollback>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// The first sample at or after ms.
std::size_t lowerBound(const app::Series &series, qint64 ms)
{
    return std::size_t(std::lower_bound(series.times().cbegin(), series.times().cend(), ms) - series.times().cbegin());
}

// A "nice" step at or above value: 1, 2, 2.5, 5 × 10^n.
double niceStep(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * magnitude * 1.0000001)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

TimeChart::TimeChart(const QString &title, const QString &unit, QWidget *parent)
    : ChartPanel(title, parent)
    , m_unit(unit)
    , m_timeAxis(new QDateTimeAxis(this))
    , m_valueAxis(new QValueAxis(this))
{
    m_timeAxis->setFormat(QStringLiteral("HH:mm"));
    m_valueAxis->setTitleText(unit);
    m_valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    m_valueAxis->setMin(0);
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    view()->setRubberBand(QChartView::HorizontalRubberBand);
    view()->viewport()->setMouseTracking(true);
    view()->viewport()->installEventFilter(this);
    view()->setToolTip(tr("Drag across the chart to zoom into a time range"));
    connect(m_timeAxis, &QDateTimeAxis::rangeChanged, this, &TimeChart::rangeChangedByView);
    // The plot area narrows when the value axis' labels widen: draw again for the width it has then,
    // later and once however often it changed (a redraw changes labels, which move the plot area:
    // drawing again inside the signal could go round for ever).
    m_widthChanged.setSingleShot(true);
    m_widthChanged.setInterval(0);
    connect(&m_widthChanged, &QTimer::timeout, this, [this] {
        if (std::abs(int(chart()->plotArea().width()) - m_drawnWidth) > 2)
            redraw();
    });
    connect(chart(), &QChart::plotAreaChanged, &m_widthChanged, qOverload<>(&QTimer::start));

    auto *reset = new QToolButton(this);
    reset->setText(tr("Reset zoom"));
    reset->setAutoRaise(true);
    reset->setVisible(false);
    connect(reset, &QToolButton::clicked, this, [this] { zoomTo(0, 0); });
    m_resetZoom = reset;
    addHeaderButton(reset);
    applyPalette();
}

void TimeChart::setLines(const QList<ChartLine> &lines)
{
    const bool sameShape = lines.size() == m_lines.size()
                           && std::equal(lines.cbegin(), lines.cend(), m_lines.cbegin(),
                                         [](const ChartLine &a, const ChartLine &b) {
                                             return a.name == b.name && a.dashed == b.dashed;
                                         });
    m_lines = lines;
    // Adding series makes the axes fit them: that is no zoom of the user's.
    const QScopedValueRollback guard(m_settingRange, true);
    if (!sameShape) {
        for (QLineSeries *series : std::as_const(m_series)) {
            chart()->removeSeries(series);
            delete series;
        }
        m_series.clear();
        for (const ChartLine &line : std::as_const(m_lines)) {
            auto *series = new QLineSeries(this);
            series->setName(line.name);
            chart()->addSeries(series);
            series->attachAxis(m_timeAxis);
            series->attachAxis(m_valueAxis);
            m_series.append(series);
        }
        chart()->legend()->setVisible(m_lines.size() > 1);
        applyPalette();
    }
    if (!m_zoomed)
        fitRange();
    redraw();
}

void TimeChart::setMinimumTop(double top)
{
    m_minimumTop = top;
    redraw();
}

void TimeChart::setValueFormat(const QString &format, int decimals)
{
    m_valueFormat = format;
    m_decimals = decimals;
}

void TimeChart::zoomTo(qint64 fromMs, qint64 toMs)
{
    m_zoomed = toMs > fromMs;
    m_resetZoom->setVisible(m_zoomed);
    if (m_zoomed) {
        m_fromMs = fromMs;
        m_toMs = toMs;
    } else {
        fitRange();
    }
    redraw();
}

void TimeChart::fitRange()
{
    qint64 from = 0, to = 0;
    for (const ChartLine &line : std::as_const(m_lines)) {
        if (line.series.isEmpty())
            continue;
        const qint64 first = line.series.firstTime();
        const qint64 last = line.series.lastTime();
        from = from == 0 ? first : std::min(from, first);
        to = std::max(to, last);
    }
    if (to <= from) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        to = std::max(to, now);
        from = to - 60'000;
    }
    m_fromMs = from;
    m_toMs = to;
}

void TimeChart::rangeChangedByView(const QDateTime &from, const QDateTime &to)
{
    if (m_settingRange)
        return;
    // The view zoomed (rubber band, or a right click zooming out): draw that range in detail.
    m_fromMs = from.toMSecsSinceEpoch();
    m_toMs = to.toMSecsSinceEpoch();
    m_zoomed = true;
    m_resetZoom->setVisible(true);
    redraw();
}

void TimeChart::redraw()
{
    m_drawnWidth = int(chart()->plotArea().width());
    const int pixels = std::max(50, m_drawnWidth);
    double top = m_minimumTop;
    for (qsizetype i = 0; i < m_lines.size() && i < m_series.size(); ++i) {
        const ChartLine &line = m_lines.at(i);
        const app::Series reduced = line.series.forWidth(m_fromMs, m_toMs, pixels);
        QList<QPointF> drawn;
        drawn.reserve(qsizetype(reduced.size()));
        for (std::size_t j = 0; j < reduced.size(); ++j) {
            const double y = double(reduced.valueAt(j)) / line.scale;
            drawn.append(QPointF(double(reduced.timeAt(j)), y));
            top = std::max(top, y);
        }
        m_series.at(i)->replace(drawn);
    }
    const QScopedValueRollback guard(m_settingRange, true);
    const qint64 span = m_toMs - m_fromMs;
    const bool long_ = span > 20 * 3600 * 1000LL;
    m_timeAxis->setFormat(long_                     ? QStringLiteral("d MMM HH:mm")
                          : span < 15 * 60 * 1000LL ? QStringLiteral("HH:mm:ss")
                                                    : QStringLiteral("HH:mm"));
    // No more ticks than seconds shown (a few seconds' span would repeat its labels).
    m_timeAxis->setTickCount(
        int(std::clamp<qint64>(std::min<qint64>(pixels / (long_ ? 130 : 90), span / 1000 + 1), 2, 8)));
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs), QDateTime::fromMSecsSinceEpoch(m_toMs));
    // About four ticks at round values from 0 (0, 0.5, 1…); whole ones for what is counted (CPUs, jobs).
    double step = niceStep(top * 1.05 / 4);
    if (m_decimals == 0)
        step = std::max(1.0, std::round(step));
    m_valueAxis->setTickType(QValueAxis::TicksDynamic);
    m_valueAxis->setTickAnchor(0);
    m_valueAxis->setTickInterval(step);
    m_valueAxis->setRange(0, std::ceil(top * 1.05 / step) * step);
}

int TimeChart::drawnPointCount() const
{
    int count = 0;
    for (const QLineSeries *series : m_series)
        count += int(series->count());
    return count;
}

QString TimeChart::valuesAt(qint64 ms) const
{
    QStringList values;
    const double tolerance = std::max<double>(15'000, double(m_toMs - m_fromMs) / 40);
    for (const ChartLine &line : m_lines) {
        const std::size_t at = lowerBound(line.series, ms);
        std::optional<std::size_t> nearest;
        double distance = tolerance;
        for (const std::size_t candidate : {at - 1, at}) { // at - 1 wraps round when at is 0: then too big
            if (candidate < line.series.size() && std::abs(double(line.series.timeAt(candidate) - ms)) <= distance) {
                nearest = candidate;
                distance = std::abs(double(line.series.timeAt(candidate) - ms));
            }
        }
        if (nearest) {
            const double value = double(line.series.valueAt(*nearest)) / line.scale;
            values << tr("%1: %2").arg(line.name, m_valueFormat.arg(QLocale().toString(value, 'f', m_decimals)));
        }
    }
    if (values.isEmpty())
        return {};
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms);
    return QLocale().toString(time.time(), QStringLiteral("HH:mm:ss")) + QStringLiteral(" · ")
           + values.join(QStringLiteral(", "));
}

bool TimeChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == view()->viewport() && event->type() == QEvent::MouseMove) {
        const auto *move = static_cast<QMouseEvent *>(event);
        const QPointF scene = view()->mapToScene(move->position().toPoint());
        const QPointF inChart = chart()->mapFromScene(scene);
        if (chart()->plotArea().contains(inChart)) {
            const QPointF value = chart()->mapToValue(inChart, m_series.isEmpty() ? nullptr : m_series.constFirst());
            const QString text = valuesAt(qint64(value.x()));
            if (!text.isEmpty())
                QToolTip::showText(move->globalPosition().toPoint(), text, view());
            else
                QToolTip::hideText();
        } else {
            QToolTip::hideText();
        }
    }
    return ChartPanel::eventFilter(watched, event);
}

void TimeChart::resizeEvent(QResizeEvent *event)
{
    ChartPanel::resizeEvent(event);
    redraw();
}

void TimeChart::applyPalette()
{
    ChartPanel::applyPalette();
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        QPen pen(seriesColour(int(i), palette()));
        pen.setWidthF(1.6);
        if (i < m_lines.size() && m_lines.at(i).dashed) {
            pen.setStyle(Qt::DashLine);
            pen.setColor(palette().color(QPalette::Text));
            pen.setWidthF(1.2);
        }
        m_series.at(i)->setPen(pen);
    }
}

ChartTable TimeChart::table() const
{
    // One row per time any line has a sample; a line without a sample then leaves its cell empty.
    ChartTable table;
    table.header << tr("time (UTC)");
    for (const ChartLine &line : m_lines)
        table.header << (m_unit.isEmpty() ? line.name : tr("%1 (%2)").arg(line.name, m_unit));
    QList<std::size_t> next(m_lines.size(), 0);
    while (true) {
        qint64 time = std::numeric_limits<qint64>::max();
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            if (next.at(i) < m_lines.at(i).series.size())
                time = std::min(time, m_lines.at(i).series.timeAt(next.at(i)));
        }
        if (time == std::numeric_limits<qint64>::max())
            break;
        QStringList row{QDateTime::fromMSecsSinceEpoch(time, QTimeZone::UTC).toString(Qt::ISODateWithMs)};
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            const ChartLine &line = m_lines.at(i);
            if (next.at(i) < line.series.size() && line.series.timeAt(next.at(i)) == time) {
                row << QString::number(double(line.series.valueAt(next.at(i))) / line.scale, 'f', m_decimals + 1);
                ++next[i];
            } else {
                row << QString();
            }
        }
        table.rows.append(row);
    }
    return table;
}

} // namespace ui
