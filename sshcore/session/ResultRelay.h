// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/Result.h"

#include <QObject>
#include <QThread>
#include <QVariant>

#include <functional>

namespace sshcore::detail {

// Carries one result from a connection's worker thread to a callback in the caller's thread, tied to
// a context object: if the context is destroyed first, the result is dropped (Qt removes the
// connection), so a closed window never gets a late callback.
class ResultRelay : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

Q_SIGNALS:
    void delivered(const QVariant &result);
    void progressed(quint64 done, quint64 total);
};

// Makes the function the worker calls (once) with the result. Call in the caller's thread.
template<typename T>
std::function<void(Result<T>)>
replyTo(QThread *workerThread, QObject *context, std::function<void(const Result<T> &)> callback,
        std::function<void(quint64, quint64)> progress = {}, ResultRelay **relayOut = nullptr)
{
    auto *relay = new ResultRelay;
    QObject::connect(relay, &ResultRelay::delivered, context,
                     [callback = std::move(callback)](const QVariant &result) { callback(result.value<Result<T>>()); });
    if (progress)
        QObject::connect(relay, &ResultRelay::progressed, context, std::move(progress));
    relay->moveToThread(workerThread);
    if (relayOut)
        *relayOut = relay;
    return [relay](Result<T> result) {
        Q_EMIT relay->delivered(QVariant::fromValue(std::move(result)));
        relay->deleteLater();
    };
}

} // namespace sshcore::detail
