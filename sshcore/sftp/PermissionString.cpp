// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/sftp/PermissionString.h"

namespace sshcore {

QString permissionString(SftpEntry::Type type, quint32 mode)
{
    QString text(10, u'-');
    if (type == SftpEntry::Type::Directory)
        text[0] = u'd';
    else if (type == SftpEntry::Type::Symlink)
        text[0] = u'l';
    static constexpr char16_t Letters[] = u"rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit) {
        if (mode & (0400u >> bit))
            text[bit + 1] = QChar(Letters[bit]);
    }
    // Where ls puts them: each over an execute place, whose letter then says whether that is set
    // too.
    const auto special = [&text, mode](quint32 flag, int place, char16_t withExecute, char16_t without) {
        if (mode & flag)
            text[place] = QChar(text[place] == u'x' ? withExecute : without);
    };
    special(04000, 3, u's', u'S');
    special(02000, 6, u's', u'S');
    special(01000, 9, u't', u'T');
    return text;
}

} // namespace sshcore
