// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/sftp/SftpEntry.h"

#include <Qt>

namespace app {

// The order the cluster's pane lists a folder in, as a file manager does: folders first whichever the
// direction; then by the chosen key; ties (and the name key) by name as a person reads it ("run2"
// before "run10", case ignored, in the system's language), then byte by byte so no two names tie.
class RemoteEntryOrder
{
public:
    enum class Key { Name, Size, Modified, Permissions };

    void set(Key key, Qt::SortOrder direction)
    {
        m_key = key;
        m_direction = direction;
    }
    Key key() const { return m_key; }
    Qt::SortOrder direction() const { return m_direction; }

    bool lessThan(const sshcore::SftpEntry &a, const sshcore::SftpEntry &b) const;

private:
    Key m_key = Key::Name;
    Qt::SortOrder m_direction = Qt::AscendingOrder;
};

} // namespace app
