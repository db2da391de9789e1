package ru.sipring.web;

import org.springframework.web.bind.annotation.ControllerAdvice;

/** The page header's model ({@link PageModel}) for the campaign pages, without widening that shared advice. */
@ControllerAdvice(assignableTypes = CampaignPages.class)
class CampaignPageModel extends PageModel {
}
