#pragma once

#include <QDialog>

namespace ui {

// Help > About clusterdesk: what the app is and the versions of what it is built on.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace ui
