// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshInteraction.h"

#include <QDialog>

namespace ui {

// The warning shown when a server's host key is not the one remembered: the connection was refused
// before anything was sent. There is deliberately no way to accept the new key from here.
class HostKeyChangedDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostKeyChangedDialog(const sshcore::SshInteraction::HostKeyChange &change, QWidget *parent = nullptr);
};

} // namespace ui
