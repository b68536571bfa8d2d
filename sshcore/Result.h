#pragma once

#include <QString>

#include <expected>
#include <utility>

namespace sshcore {

// Expected failures (refused, unreachable, not found, rejected) are values, not exceptions: the
// error side carries a message written for the user, saying what happened and what to do.
template<typename T = void>
using Result = std::expected<T, QString>;

inline std::unexpected<QString> failure(QString message)
{
    return std::unexpected<QString>(std::move(message));
}

} // namespace sshcore
