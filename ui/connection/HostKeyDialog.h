// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sshcore/SshInteraction.h"

#include <QDialog>

namespace ui {

// Asks whether to trust a server whose host key clusterdesk has never seen, showing what to compare
// (the SHA256 fingerprint) and offering to trust it once or remember it.
class HostKeyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HostKeyDialog(const sshcore::SshInteraction::HostKeyQuestion &question, QWidget *parent = nullptr);

    sshcore::SshInteraction::HostKeyDecision decision() const { return m_decision; }

private:
    sshcore::SshInteraction::HostKeyDecision m_decision = sshcore::SshInteraction::HostKeyDecision::Reject;
};

} // namespace ui
