// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/ResourceUnits.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <cmath>
#include <limits>

namespace app::units {

namespace {

std::optional<double> number(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (QChar c : text) {
        if (!c.isDigit() && c != u'.')
            return std::nullopt;
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::units)
};

} // namespace

std::optional<double> parseDuration(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    double days = 0;
    const qsizetype dash = text.indexOf(u'-');
    const bool hasDays = dash >= 0;
    if (hasDays) {
        const auto d = number(text.left(dash));
        if (!d)
            return std::nullopt;
        days = *d;
        text = text.mid(dash + 1);
    }
    const QList<QStringView> parts = text.split(u':');
    if (parts.size() > 3)
        return std::nullopt;
    double values[3] = {0, 0, 0};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const auto value = number(parts[i]);
        if (!value)
            return std::nullopt;
        // Only the seconds may carry a fraction.
        if (i + 1 < parts.size() && parts[i].contains(u'.'))
            return std::nullopt;
        values[i] = *value;
    }
    double seconds = 0;
    if (hasDays) {
        // days-hours, days-hours:minutes, days-hours:minutes:seconds
        seconds = values[0] * 3600 + values[1] * 60 + values[2];
    } else if (parts.size() == 1) {
        seconds = values[0] * 60; // minutes
    } else if (parts.size() == 2) {
        seconds = values[0] * 60 + values[1]; // minutes:seconds
    } else {
        seconds = values[0] * 3600 + values[1] * 60 + values[2];
    }
    const double total = days * 86400 + seconds;
    if (!std::isfinite(total) || total > double(std::numeric_limits<qint64>::max() / 2))
        return std::nullopt;
    return total;
}

std::optional<qint64> parseDurationSeconds(QStringView text)
{
    const auto seconds = parseDuration(text);
    if (!seconds)
        return std::nullopt;
    return qint64(std::llround(*seconds));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    const qint64 days = seconds / 86400;
    const qint64 rest = seconds % 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg(rest / 3600, 2, 10, QLatin1Char('0'))
                              .arg(rest % 3600 / 60, 2, 10, QLatin1Char('0'))
                              .arg(rest % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? QStringLiteral("%1-%2").arg(days).arg(clock) : clock;
}

QString describeDuration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return Tr::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return Tr::tr("%1 min").arg(seconds / 60);
    if (seconds < 86400) {
        const qint64 minutes = seconds % 3600 / 60;
        return minutes ? Tr::tr("%1 h %2 min").arg(seconds / 3600).arg(minutes) : Tr::tr("%1 h").arg(seconds / 3600);
    }
    const qint64 hours = seconds % 86400 / 3600;
    return hours ? Tr::tr("%1 d %2 h").arg(seconds / 86400).arg(hours) : Tr::tr("%1 d").arg(seconds / 86400);
}

std::optional<qint64> parseMemory(QStringView text, qint64 defaultUnit)
{
    text = text.trimmed();
    // Old sacct marks ReqMem per CPU or per node with a last "c" or "n".
    if (text.endsWith(u'c') || text.endsWith(u'n'))
        text.chop(1);
    if (text.endsWith(u'b', Qt::CaseInsensitive) && text.size() > 1 && text[text.size() - 2].isLetter())
        text.chop(1); // "8gb", "500MB"
    else if (text.endsWith(u"iB"))
        text.chop(2); // "4GiB"
    if (text.isEmpty())
        return std::nullopt;
    qint64 unit = defaultUnit;
    const QChar last = text.back().toUpper();
    if (last.isLetter()) {
        switch (last.unicode()) {
        case 'B': unit = 1; break;
        case 'K': unit = KiB; break;
        case 'M': unit = MiB; break;
        case 'G': unit = GiB; break;
        case 'T': unit = 1024 * GiB; break;
        case 'P': unit = 1024 * 1024 * GiB; break;
        default: return std::nullopt;
        }
        text.chop(1);
    }
    const auto value = number(text);
    if (!value)
        return std::nullopt;
    const double bytes = *value * double(unit);
    if (!std::isfinite(bytes) || bytes > double(std::numeric_limits<qint64>::max() / 2))
        return std::nullopt;
    return qint64(std::llround(bytes));
}

QString formatMemory(qint64 bytes)
{
    static const char units[] = {'T', 'G', 'M', 'K'};
    qint64 size = 1024 * GiB;
    for (char unit : units) {
        if (bytes >= size && bytes % size == 0)
            return QString::number(bytes / size) + QLatin1Char(unit);
        size /= 1024;
    }
    // Not a whole KiB: round up to one, as --mem takes no bytes.
    return QString::number((bytes + KiB - 1) / KiB) + QLatin1Char('K');
}

QString describeMemory(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QDateTime parseEpoch(QByteArrayView text)
{
    bool ok = false;
    const qint64 seconds = text.trimmed().toLongLong(&ok);
    if (!ok || seconds <= 0)
        return {};
    // In UTC: the same instant, but a local time costs a time-zone lookup per value (microseconds
    // each where TZ is unset), which a 50,000-job listing with two times a job cannot afford.
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::UTC);
}

QDateTime parseCTime(QStringView text)
{
    // The weekday is left out: it only repeats what the date says.
    const QList<QStringView> words = text.trimmed().split(u' ', Qt::SkipEmptyParts);
    if (words.size() != 5)
        return {};
    const QDate date = QDate::fromString(QStringLiteral("%1 %2 %3").arg(words[1], words[2], words[4]),
                                         QStringLiteral("MMM d yyyy"));
    const QTime time = QTime::fromString(words[3].toString(), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::UTC);
}

} // namespace app::units
