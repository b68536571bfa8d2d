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

// Evaluates its argument once (it is often a call with effects).
#define QVERIFY_RESULT(expression)                                                                  \
    do {                                                                                           \
        const auto &checkedResult_ = (expression);                                                 \
        QVERIFY2(checkedResult_.has_value(), ::testsupport::errorText(checkedResult_).constData()); \
    } while (false)
