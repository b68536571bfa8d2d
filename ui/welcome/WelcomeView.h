// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QCommandLinkButton;
class QLabel;

namespace ui {

// What a first start shows: three ways to a first cluster.
class WelcomeView : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomeView(QWidget *parent = nullptr);

    // How many hosts ~/.ssh/config names (0: the import button says there are none).
    void setSshConfigHosts(int count);
    // Whether the local demo cluster runs; problem: why its connection file cannot be used.
    void setDemoCluster(bool running, const QString &problem = {});

Q_SIGNALS:
    void importRequested();
    void addRequested();
    void demoRequested();

private:
    QCommandLinkButton *m_import;
    QCommandLinkButton *m_add;
    QCommandLinkButton *m_demo;
    QLabel *m_demoProblem;
};

} // namespace ui
