// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFuture>
#include <QStringList>

class QThreadPool;

namespace app {

// The local folders of a download, made on a worker thread ("mkdir -p" each, in order): a tree of
// many folders, or a slow disk, keeps the window's thread waiting otherwise.
class LocalFolders
{
public:
    // The folders that could not be made.
    static QFuture<QStringList> make(QThreadPool *pool, const QStringList &folders);
};

} // namespace app
