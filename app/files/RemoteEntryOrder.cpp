// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/files/RemoteEntryOrder.h"

#include <QCollator>
#include <QLocale>

namespace app {

namespace {

QCollator &collator()
{
    static QCollator instance = [] {
        // Numbers compared as numbers needs a real locale ("C" has no such collation).
        const QLocale system = QLocale::system();
        QCollator c(system.language() == QLocale::C ? QLocale(QLocale::English) : system);
        c.setNumericMode(true); // "run2" before "run10"
        c.setCaseSensitivity(Qt::CaseInsensitive);
        return c;
    }();
    return instance;
}

template<typename T>
int compare(const T &a, const T &b)
{
    return a < b ? -1 : b < a ? 1 : 0;
}

} // namespace

bool RemoteEntryOrder::lessThan(const sshcore::SftpEntry &a, const sshcore::SftpEntry &b) const
{
    const bool aFolder = a.type == sshcore::SftpEntry::Type::Directory;
    const bool bFolder = b.type == sshcore::SftpEntry::Type::Directory;
    if (aFolder != bFolder)
        return aFolder; // folders first, whichever the order
    int order = 0;
    switch (m_key) {
    case Key::Size: order = compare(a.size, b.size); break;
    case Key::Modified: order = compare(a.modified, b.modified); break;
    case Key::Permissions: order = compare(a.permissions, b.permissions); break;
    case Key::Name: break;
    }
    if (order == 0)
        order = collator().compare(QString::fromUtf8(a.name), QString::fromUtf8(b.name));
    if (order == 0)
        order = compare(a.name, b.name);
    return m_direction == Qt::AscendingOrder ? order < 0 : order > 0;
}

} // namespace app
