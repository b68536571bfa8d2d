#pragma once

#include <QByteArray>

// QVERIFY2 evaluates its message even when the check passes, and reading the error of a result
// that holds a value is undefined: this passes the message only when there is one.
namespace testsupport {
template<typename Result>
QByteArray errorText(const Result &result)
{
    return result.has_value() ? QByteArray() : result.error().toLocal8Bit();
}
} // namespace testsupport

#define QVERIFY_RESULT(result) QVERIFY2((result).has_value(), ::testsupport::errorText(result).constData())
