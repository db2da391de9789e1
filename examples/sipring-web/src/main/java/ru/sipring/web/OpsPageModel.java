package ru.sipring.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import ru.sipring.spring.ClusterConsole;
import ru.sipring.spring.FaxDesk;

/** Whether the header links to the fax and cluster pages: only when the starter configured them. */
@ControllerAdvice(annotations = Controller.class)
class OpsPageModel {
  private final ObjectProvider<FaxDesk> fax;
  private final ObjectProvider<ClusterConsole> cluster;

  OpsPageModel(ObjectProvider<FaxDesk> fax, ObjectProvider<ClusterConsole> cluster) {
    this.fax = fax;
    this.cluster = cluster;
  }

  @ModelAttribute
  void ops(Model model) {
    model.addAttribute("faxEnabled", fax.getIfAvailable() != null);
    model.addAttribute("clusterEnabled", cluster.getIfAvailable() != null);
  }
}
