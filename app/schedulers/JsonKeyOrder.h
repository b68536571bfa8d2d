// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QStringList>

namespace app {

// The member names of one object of a JSON document in the order the document has them, which
// QJsonObject forgets (it sorts them). A job's record is shown in the scheduler's own order.
// path: the member names that lead from the top-level object to the object wanted; empty for
// the top-level object itself. Empty when there is no such object. The document is expected to
// have been checked by QJsonDocument already: this only walks it.
QStringList jsonKeysInOrder(QByteArrayView json, const QStringList &path);

} // namespace app
