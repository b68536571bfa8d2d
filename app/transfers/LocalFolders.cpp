// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/transfers/LocalFolders.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace app {

QFuture<QStringList> LocalFolders::make(QThreadPool *pool, const QStringList &folders)
{
    return QtConcurrent::run(pool, [folders] {
        QStringList failed;
        for (const QString &folder : folders) {
            if (!QDir().mkpath(folder))
                failed.append(folder);
        }
        return failed;
    });
}

} // namespace app
