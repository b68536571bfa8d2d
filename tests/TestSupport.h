// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QTimeZone>

#include <cmath>
#include <optional>

// QVERIFY2 evaluates its message even when the check passes, and reading the error of a result
// that holds a value is undefined: this passes the message only when there is one.
namespace testsupport {
template<typename Result>
QByteArray errorText(const Result &result)
{
    return result.has_value() ? QByteArray() : result.error().message.toLocal8Bit();
}

#ifdef CLUSTERDESK_TEST_DATA
// A file below the suite's data folder ("schedulers/pbspro/qsub_openpbs23.txt"); a missing one ends
// the test run.
inline QByteArray testData(const QString &path)
{
    QFile file(QStringLiteral(CLUSTERDESK_TEST_DATA "/") + path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(path));
    return file.readAll();
}
#endif

inline QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::UTC);
}

// A figure computed by hand from a recording, to rounding.
inline bool near(std::optional<double> value, double expected)
{
    return value && std::abs(*value - expected) < 1e-9;
}
} // namespace testsupport

// Evaluates its argument once (it is often a call with effects).
#define QVERIFY_RESULT(expression)                                                                                     \
    do {                                                                                                               \
        const auto &checkedResult_ = (expression);                                                                     \
        QVERIFY2(checkedResult_.has_value(), ::testsupport::errorText(checkedResult_).constData());                    \
    } while (false)
